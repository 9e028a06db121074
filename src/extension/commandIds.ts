/** Every command the extension contributes. package.json must list exactly these (a host test checks). */
export const COMMANDS = {
  searchQuestions: 'interviewPractice.searchQuestions',
  openRandomQuestion: 'interviewPractice.openRandomQuestion',
  openQuestion: 'interviewPractice.openQuestion',
  openQuestionToSide: 'interviewPractice.openQuestionToSide',
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
  recordChatGrade: 'interviewPractice.recordChatGrade',
  openDesignLoop: 'interviewPractice.openDesignLoop',
  openCaseStudy: 'interviewPractice.openCaseStudy',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The Get Started walkthrough (package.json contributes.walkthroughs) and the context keys that complete its steps. */
export const WALKTHROUGH_ID = 'getStarted';
export const WALKTHROUGH_CONTEXT = {
  openedQuestion: 'interviewPractice.openedQuestion',
  openedWorkSample: 'interviewPractice.openedWorkSample',
  hasGraded: 'interviewPractice.hasGraded',
} as const;
/** globalState flag: the walkthrough opens by itself once, on the first activation. */
export const WALKTHROUGH_SHOWN_KEY = 'interviewPractice.walkthroughShown';
