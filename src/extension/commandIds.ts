/** Every command the extension contributes. package.json must list exactly these (a host test checks). */
export const COMMANDS = {
  searchQuestions: 'interviewPractice.searchQuestions',
  openRandomQuestion: 'interviewPractice.openRandomQuestion',
  openQuestion: 'interviewPractice.openQuestion',
  openTopic: 'interviewPractice.openTopic',
  reviewDue: 'interviewPractice.reviewDue',
  startMockInterview: 'interviewPractice.startMockInterview',
  showDashboard: 'interviewPractice.showDashboard',
  refresh: 'interviewPractice.refresh',
  exportProgress: 'interviewPractice.exportProgress',
  importProgress: 'interviewPractice.importProgress',
  resetProgress: 'interviewPractice.resetProgress',
  showContentErrors: 'interviewPractice.showContentErrors',
  openWorkSample: 'interviewPractice.openWorkSample',
  submitReview: 'interviewPractice.submitReview',
  runMyTests: 'interviewPractice.runMyTests',
  showReferenceReview: 'interviewPractice.showReferenceReview',
  addReviewComment: 'interviewPractice.addReviewComment',
  editReviewComment: 'interviewPractice.editReviewComment',
  saveReviewComment: 'interviewPractice.saveReviewComment',
  cancelReviewComment: 'interviewPractice.cancelReviewComment',
  deleteReviewComment: 'interviewPractice.deleteReviewComment',
  deleteReviewThread: 'interviewPractice.deleteReviewThread',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
