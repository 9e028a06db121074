/** Every command the extension contributes. package.json must list exactly these (a host test checks). */
export const COMMANDS = {
  searchQuestions: 'interviewPractice.searchQuestions',
  openRandomQuestion: 'interviewPractice.openRandomQuestion',
  openQuestion: 'interviewPractice.openQuestion',
  reviewDue: 'interviewPractice.reviewDue',
  refresh: 'interviewPractice.refresh',
  exportProgress: 'interviewPractice.exportProgress',
  importProgress: 'interviewPractice.importProgress',
  resetProgress: 'interviewPractice.resetProgress',
  showContentErrors: 'interviewPractice.showContentErrors',
  openWorkSample: 'interviewPractice.openWorkSample',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
