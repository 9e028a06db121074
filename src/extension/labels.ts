import type { Difficulty } from '../core/schema';
import type { PracticeState } from '../core/progress/scheduler';

export const DIFFICULTY_LABEL: Record<Difficulty, string> = { intermediate: 'Intermediate', senior: 'Senior', staff: 'Staff' };

export const STATE_LABEL: Record<PracticeState, string> = { new: 'New', learning: 'Learning', due: 'Due', mastered: 'Mastered' };

/** Codicon per practice state, so the tree shows progress at a glance. */
export const STATE_ICON: Record<PracticeState, string> = { new: 'circle-outline', learning: 'circle-filled', due: 'bell-dot', mastered: 'pass-filled' };
