/** The chat participant and the command its grade buttons run (package.json lists both). */
export const PARTICIPANT_ID = 'interviewPractice.interviewer';
export const RECORD_GRADE_COMMAND = 'interviewPractice.recordChatGrade';
