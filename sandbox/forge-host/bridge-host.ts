/**
 * The server half of the sandbox's Forge bridge: what browser/bridge-host.js forwards from an
 * iframe. `invoke` calls the module's real resolver function exactly as Forge does — the product
 * context as `context`, the principal, install context and licence as the second argument —
 * inside one runtime invocation, so @forge/api's asUser() acts as the person at the keyboard.
 */
import type { AppManifest, UiModule } from './forge-manifest';
import { uiModule } from './forge-manifest';
import { runInvocation } from './forge-runtime';
import { PlacementError, productContext, type Mount, type Placement, type SiteFacts, type Viewer } from './product-context';
import type { ForgeFunctionHandler } from './queue-emulator';

/** Forge stops a function invoked from the UI after 25 s (developer.atlassian.com, "Platform quotas and limits"). */
export const RESOLVER_TIME_LIMIT_MS = 25_000;

export type BridgeAnswer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

export interface BridgeHostOptions {
  readonly manifest: AppManifest;
  readonly functions: ReadonlyMap<string, ForgeFunctionHandler>;
  readonly installationId: string;
  /** Read per call: the licence toggle and gadget configurations change while the page is open. */
  readonly facts: () => SiteFacts;
  readonly saveGadgetConfiguration: (gadgetId: string, configuration: Record<string, unknown>) => void;
}

export interface BridgeHost {
  context(mount: Mount, viewer: Viewer): BridgeAnswer;
  invoke(mount: Mount, viewer: Viewer, functionKey: string, payload: unknown): Promise<BridgeAnswer>;
  submitGadgetConfiguration(mount: Mount, configuration: unknown): BridgeAnswer;
}

export function createBridgeHost(options: BridgeHostOptions): BridgeHost {
  function moduleOf(mount: Mount): UiModule {
    const module = uiModule(options.manifest, mount.moduleKey);
    if (!module) throw new PlacementError(`manifest.yml has no Custom UI module ${mount.moduleKey}`);
    return module;
  }

  async function callResolver(mount: Mount, viewer: Viewer, functionKey: string, payload: unknown): Promise<unknown> {
    const module = moduleOf(mount);
    const handler = module.resolverFunction ? options.functions.get(module.resolverFunction) : undefined;
    if (!handler) throw new PlacementError(`Module ${module.key} has no resolver function`);
    const facts = options.facts();
    const license = { active: facts.licenseActive };
    const request = { call: { functionKey, payload }, context: productContext(module, mount.placement, viewer, facts) };
    const backendRuntimePayload = {
      principal: { accountId: viewer.accountId },
      installContext: `ari:cloud:jira::site/${facts.cloudId}`,
      license,
    };
    const invocation = {
      accountId: viewer.accountId,
      cloudId: facts.cloudId,
      installationId: options.installationId,
      moduleKey: module.key,
      license,
    };
    return withinTimeLimit(runInvocation(invocation, () => handler(request, backendRuntimePayload)));
  }

  return {
    context(mount, viewer) {
      return answer(() => productContext(moduleOf(mount), mount.placement, viewer, options.facts()));
    },
    async invoke(mount, viewer, functionKey, payload) {
      try {
        return { ok: true, value: await callResolver(mount, viewer, functionKey, payload) };
      } catch (error) {
        if (!(error instanceof PlacementError)) console.error(`Sandbox: resolver ${functionKey} threw`, error);
        // The wording Forge's bridge rejects with when a resolver function fails.
        return { ok: false, error: `There was an error invoking the function - ${messageOf(error)}` };
      }
    },
    submitGadgetConfiguration(mount, configuration) {
      return answer(() => {
        const placement: Placement = mount.placement;
        if (placement.kind !== 'gadget' || placement.entryPoint !== 'edit')
          throw new PlacementError("this resource's view is not submittable.");
        if (typeof configuration !== 'object' || configuration === null || Array.isArray(configuration))
          throw new PlacementError('A gadget configuration must be an object.');
        options.saveGadgetConfiguration(placement.gadgetId, configuration as Record<string, unknown>);
        return true;
      });
    },
  };
}

function answer(work: () => unknown): BridgeAnswer {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

function withinTimeLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The function did not finish within ${RESOLVER_TIME_LIMIT_MS / 1000} s and was stopped.`)),
      RESOLVER_TIME_LIMIT_MS,
    );
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
