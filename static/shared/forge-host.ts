/** The app's handshake with its Forge host: theming on, and the context the host vouches for. */
import { view, type FullContext } from '@forge/bridge';

export type ForgeContext = FullContext;

export async function connectToHost(): Promise<ForgeContext> {
  const [context] = await Promise.all([
    view.getContext(),
    // Without host theming the token fallbacks (light theme) still render a usable page.
    view.theme.enable().catch(() => undefined),
  ]);
  return context;
}

/** Saves a dashboard gadget's configuration from its edit view; Jira then shows the gadget's view. */
export function submitGadgetConfiguration(configuration: Readonly<Record<string, unknown>>): Promise<void> {
  return view.submit(configuration);
}
