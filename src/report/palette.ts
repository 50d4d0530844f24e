// Colours of the output, in one place so sheets and charts agree (an executive learns "red = stop" once).

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

/** Recommendation words in the order SPEC §5.3 lists them on the Recommendations sheet. */
export const RECOMMENDATION_ORDER = ['Stop', 'Merge', 'Re-scope', 'Defer', 'Accelerate', 'Continue'] as const;

export const RECOMMENDATION_STYLES: Record<string, 'good' | 'bad' | 'warning'> = {
  Stop: 'bad',
  Merge: 'warning',
  'Re-scope': 'warning',
  Defer: 'warning',
  Accelerate: 'good',
  Continue: 'good',
};

export const RECOMMENDATION_COLORS: Record<string, string> = {
  Stop: COLORS.red,
  Merge: COLORS.orange,
  'Re-scope': COLORS.gold,
  Defer: COLORS.grey,
  Accelerate: COLORS.lightGreen,
  Continue: COLORS.blue,
};
