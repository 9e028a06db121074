/**
 * Settings that change scheduling, timers or what runs. A workspace the user has not trusted
 * cannot change them: its values are ignored (package.json lists the same keys under
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`).
 */
export const RESTRICTED_SETTINGS = [
  'answerTimer',
  'desiredRetention',
  'newQuestionsPerDay',
  'releaseAllFollowUps',
  'interviewDate',
  'packFolders',
  'practiceFolder',
] as const;
export type RestrictedSetting = (typeof RESTRICTED_SETTINGS)[number];

/** The part of `WorkspaceConfiguration.inspect()` the decision needs. */
export interface InspectedSetting<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

const fromWorkspace = (i: InspectedSetting<unknown> | undefined) => i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined;

/**
 * The value in effect: folder over workspace over user over default in a trusted workspace; in an
 * untrusted one the workspace's values are skipped (user settings still apply).
 */
export function effectiveSetting<T>(inspected: InspectedSetting<T> | undefined, trusted: boolean, fallback: T): T {
  if (!inspected) return fallback;
  const workspace = trusted ? (inspected.workspaceFolderValue ?? inspected.workspaceValue) : undefined;
  return workspace ?? inspected.globalValue ?? inspected.defaultValue ?? fallback;
}

/** The settings a workspace sets that are ignored because it is not trusted (none when it is). */
export function ignoredWorkspaceSettings(inspections: Readonly<Record<string, InspectedSetting<unknown> | undefined>>, trusted: boolean): string[] {
  if (trusted) return [];
  return Object.entries(inspections)
    .filter(([, i]) => fromWorkspace(i))
    .map(([key]) => key);
}
