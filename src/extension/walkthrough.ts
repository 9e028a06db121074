// The Get Started walkthrough's first-run opening (called by the app once it has loaded).
import vscode = require('vscode');
import { WALKTHROUGH_ID, WALKTHROUGH_SHOWN_KEY } from './commandIds';

/**
 * Opens the Get Started walkthrough on the first activation only, and never under tests: not in
 * the in-host tests (ExtensionMode.Test) nor when the test harness says so (the UI journeys start
 * code-server with INTERVIEW_PRACTICE_NO_WALKTHROUGH=1), where it would cover the editors driven.
 */
export async function openWalkthroughOnce(context: vscode.ExtensionContext, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (context.extensionMode === vscode.ExtensionMode.Test || env.INTERVIEW_PRACTICE_NO_WALKTHROUGH) return false;
  if (context.globalState.get<boolean>(WALKTHROUGH_SHOWN_KEY)) return false;
  await context.globalState.update(WALKTHROUGH_SHOWN_KEY, true);
  try {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
    return true;
  } catch {
    return false; // An editor without walkthroughs: nothing to open.
  }
}
