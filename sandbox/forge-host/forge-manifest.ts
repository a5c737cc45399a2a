/**
 * What the sandbox hosts, read from manifest.yml as Forge reads it: the Custom UI modules with
 * their resources and resolver functions, the queue consumers, and the function handlers they
 * name (`index.handler` → the `handler` export of src/index.ts). Nothing is hard-coded here, so
 * a module added to the manifest shows up in the sandbox the way it would after `forge deploy`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { EntityDeclaration } from '../../src/store/entities';
import type { ForgeFunctionHandler, QueueConsumer } from './queue-emulator';
import type { ProductTrigger } from './trigger-emulator';

/** The Jira module types the sandbox has a page for. */
export const HOSTED_MODULE_TYPES = [
  'jira:issuePanel',
  'jira:issueContext',
  'jira:dashboardGadget',
  'jira:projectSettingsPage',
  'jira:boardAction',
  'jira:sprintAction',
] as const;
export type HostedModuleType = (typeof HOSTED_MODULE_TYPES)[number];

export interface UiModule {
  readonly type: HostedModuleType;
  readonly key: string;
  readonly title: string;
  /** Resource key of the view, and of the edit view for gadgets that have one. */
  readonly resource: string;
  readonly editResource: string | null;
  /** Function key of the module's resolver; null when the module has no resolver. */
  readonly resolverFunction: string | null;
}

export interface AppManifest {
  readonly appId: string;
  readonly uiModules: readonly UiModule[];
  /** Resource key → directory, relative to the app root. */
  readonly resources: ReadonlyMap<string, string>;
  /** Function key → handler reference (`file.export`). */
  readonly functions: ReadonlyMap<string, string>;
  readonly consumers: readonly { readonly key: string; readonly queue: string; readonly functionKey: string; readonly method?: string }[];
  /** Product-event `trigger` modules. */
  readonly triggers: readonly {
    readonly key: string;
    readonly functionKey: string;
    readonly events: readonly string[];
    readonly ignoreSelf: boolean;
  }[];
  /** `app.storage.entities`: the custom entities Forge storage accepts. */
  readonly storageEntities: readonly EntityDeclaration[];
  /** The `permissions.content` CSP allowances (Forge blocks inline scripts and styles without them). */
  readonly contentPermissions: { readonly scripts: readonly string[]; readonly styles: readonly string[] };
}

interface RawModule {
  key: string;
  events?: string[];
  filter?: { ignoreSelf?: boolean };
  title?: string | { i18n?: string };
  resource?: string;
  resolver?: { function?: string; method?: string };
  edit?: { resource?: string };
  queue?: string;
  function?: string;
  handler?: string;
  path?: string;
}

/** The app the sandbox hosts: its root directory and its manifest. */
export interface HostedApp {
  readonly root: string;
  readonly manifest: AppManifest;
}

/**
 * A module's title as Jira shows it: plain text, or an `i18n` key looked up in the manifest's
 * fallback translation file (the sandbox chrome is English; the apps themselves follow the locale).
 */
function titleOf(
  module: RawModule,
  translations: { resources?: { key: string; path: string }[]; fallback?: { default?: string } } | undefined,
  appRoot: string,
): string {
  if (typeof module.title === 'string') return module.title;
  const key = module.title?.i18n;
  const fallback = translations?.resources?.find((resource) => resource.key === translations.fallback?.default);
  if (!key || !fallback) return module.key;
  const messages = JSON.parse(readFileSync(join(appRoot, fallback.path), 'utf8'));
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  return typeof text === 'string' ? text : module.key;
}

export function readManifest(appRoot: string): AppManifest {
  const raw = parse(readFileSync(join(appRoot, 'manifest.yml'), 'utf8'));
  const modules: Record<string, RawModule[]> = raw.modules ?? {};
  const uiModules = HOSTED_MODULE_TYPES.flatMap((type) =>
    (modules[type] ?? []).map((module): UiModule => ({
      type,
      key: module.key,
      title: titleOf(module, raw.translations, appRoot),
      resource: module.resource ?? '',
      editResource: module.edit?.resource ?? null,
      resolverFunction: module.resolver?.function ?? null,
    })),
  );
  return {
    appId: raw.app?.id ?? 'sandbox-app',
    uiModules,
    resources: new Map(((raw.resources ?? []) as RawModule[]).map((resource) => [resource.key, resource.path ?? ''])),
    functions: new Map((modules.function ?? []).map((fn) => [fn.key, fn.handler ?? ''])),
    consumers: (modules.consumer ?? []).map((consumer) => ({
      key: consumer.key,
      queue: consumer.queue ?? '',
      functionKey: consumer.function ?? consumer.resolver?.function ?? '',
      ...(consumer.resolver?.method ? { method: consumer.resolver.method } : {}),
    })),
    triggers: (modules.trigger ?? []).map((trigger) => ({
      key: trigger.key,
      functionKey: trigger.function ?? '',
      events: trigger.events ?? [],
      ignoreSelf: trigger.filter?.ignoreSelf === true,
    })),
    storageEntities: raw.app?.storage?.entities ?? [],
    contentPermissions: {
      scripts: raw.permissions?.content?.scripts ?? [],
      styles: raw.permissions?.content?.styles ?? [],
    },
  };
}

/** Loads every function's handler from the app's source, as the Forge runtime loads the bundle. */
export function loadFunctions(
  appRoot: string,
  manifest: AppManifest,
  modules: Readonly<Record<string, Record<string, unknown>>> = {},
): ReadonlyMap<string, ForgeFunctionHandler> {
  const handlers = new Map<string, ForgeFunctionHandler>();
  for (const [key, reference] of manifest.functions) {
    const dot = reference.lastIndexOf('.');
    const file = reference.slice(0, dot);
    const exported = reference.slice(dot + 1);
    // The manifest names the module at run time, so it is required, not imported.
    const module = modules[file] ?? (require(join(appRoot, 'src', file)) as Record<string, unknown>);
    const handler = module[exported];
    if (typeof handler !== 'function')
      throw new Error(`manifest.yml names ${reference} for function ${key}, but src/${file} exports no such function`);
    handlers.set(key, handler as ForgeFunctionHandler);
  }
  return handlers;
}

/** The queue emulator's consumers, by queue key. */
export function queueConsumers(manifest: AppManifest, functions: ReadonlyMap<string, ForgeFunctionHandler>): Record<string, QueueConsumer> {
  const consumers: Record<string, QueueConsumer> = {};
  for (const consumer of manifest.consumers) {
    const handler = functions.get(consumer.functionKey);
    if (!handler) throw new Error(`Consumer ${consumer.key} names function ${consumer.functionKey}, which manifest.yml does not define`);
    consumers[consumer.queue] = { moduleKey: consumer.key, handler, ...(consumer.method ? { method: consumer.method } : {}) };
  }
  return consumers;
}

/** The trigger emulator's subscribers. */
export function productTriggers(manifest: AppManifest, functions: ReadonlyMap<string, ForgeFunctionHandler>): ProductTrigger[] {
  return manifest.triggers.map((trigger) => {
    const handler = functions.get(trigger.functionKey);
    if (!handler) throw new Error(`Trigger ${trigger.key} names function ${trigger.functionKey}, which manifest.yml does not define`);
    return { moduleKey: trigger.key, handler, events: trigger.events, ignoreSelf: trigger.ignoreSelf };
  });
}

export function uiModule(manifest: AppManifest, key: string): UiModule | undefined {
  return manifest.uiModules.find((module) => module.key === key);
}

export function modulesOfType(manifest: AppManifest, type: HostedModuleType): readonly UiModule[] {
  return manifest.uiModules.filter((module) => module.type === type);
}
