// Colours and words of the output, in one place so sheets and charts agree (an executive learns
// "red = stop" once).
import type { RecommendationType } from '../engine/decide';

export const COLORS = {
  navy: '1F3864',
  blue: '2F5597',
  lightBlue: '5B9BD5',
  green: '548235',
  lightGreen: '70AD47',
  orange: 'ED7D31',
  gold: 'BF8F00',
  red: 'C00000',
  grey: '7F7F7F',
  lightGrey: 'A5A5A5',
} as const;

/** The word each recommendation shows as, in every sheet and chart. */
export const RECOMMENDATION_LABEL: Record<RecommendationType, string> = {
  stop: 'Stop',
  merge: 'Merge',
  rescope: 'Re-scope',
  defer: 'Defer',
  needsData: 'Needs data',
  accelerate: 'Accelerate',
  continue: 'Continue',
  closed: 'Closed',
};

export const RECOMMENDATION_STYLE: Record<RecommendationType, 'good' | 'bad' | 'warning' | null> = {
  stop: 'bad',
  merge: 'warning',
  rescope: 'warning',
  defer: 'warning',
  needsData: 'warning',
  accelerate: 'good',
  continue: 'good',
  closed: null,
};

export const RECOMMENDATION_COLOR: Record<RecommendationType, string> = {
  stop: COLORS.red,
  merge: COLORS.orange,
  rescope: COLORS.gold,
  defer: COLORS.grey,
  needsData: COLORS.lightBlue,
  accelerate: COLORS.lightGreen,
  continue: COLORS.blue,
  closed: COLORS.lightGrey,
};
