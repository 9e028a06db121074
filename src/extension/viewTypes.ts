/**
 * Every webview panel's view type, in one place: the entry point (extension.ts) registers a serializer for each
 * (without loading the app), each panel host takes its own from here, and a test checks that
 * package.json's onWebviewPanel activation events name exactly these. No `vscode` import: the
 * entry bundle and the unit tests read it.
 */
export const VIEW_TYPES = {
  question: 'interviewPractice.question',
  workSample: 'interviewPractice.workSample',
  topic: 'interviewPractice.topic',
  mock: 'interviewPractice.mock',
  dashboard: 'interviewPractice.dashboard',
  designLoop: 'interviewPractice.designLoop',
  caseStudy: 'interviewPractice.caseStudy',
} as const;

export type ViewType = (typeof VIEW_TYPES)[keyof typeof VIEW_TYPES];
