/** The app's handshake with its Forge host: theming on, and the context the host vouches for. */
import { view, type FullContext } from '@forge/bridge';

export type ForgeContext = FullContext;

export interface HostConnection {
  readonly context: Promise<ForgeContext>;
  /** Settles once the host has applied its theme, or has refused to (the token fallbacks then render a light page). */
  readonly themed: Promise<void>;
}

/** Asks for the context and the theme at once; the context alone is enough to start asking the backend. */
export function connectToHost(): HostConnection {
  return {
    context: view.getContext(),
    themed: view.theme.enable().then(
      () => undefined,
      () => undefined,
    ),
  };
}

/** Saves a dashboard gadget's configuration from its edit view; Jira then shows the gadget's view. */
export function submitGadgetConfiguration(configuration: Readonly<Record<string, unknown>>): Promise<void> {
  return view.submit(configuration);
}
