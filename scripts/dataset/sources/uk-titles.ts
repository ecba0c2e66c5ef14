/** What readers call UK offices, and which are the core offices tracked for continuity. */
export const UK_SHORT: [RegExp, string][] = [
  [/^Prime Minister$/, 'Prime Minister'],
  [/^Deputy Prime Minister$/, 'Deputy Prime Minister'],
  [/^First Secretary of State$/, 'First Secretary of State'],
  [/^Chancellor of the Exchequer$/, 'Chancellor'],
  [/^Secretary of State for the Home Department$/, 'Home Secretary'],
  [/^Secretary of State for Foreign/, 'Foreign Secretary'],
  [/^Secretary of State for Defence$/, 'Defence Secretary'],
  [/^Secretary of State for Health/, 'Health Secretary'],
  [/^Secretary of State for (Education|Children, Schools)/, 'Education Secretary'],
  [/^Secretary of State for Justice/, 'Justice Secretary'],
  [/^Secretary of State for Work and Pensions$/, 'Work and Pensions Secretary'],
  [/^Secretary of State for Business/, 'Business Secretary'],
  [/^Secretary of State for Trade and Industry$/, 'Trade and Industry Secretary'],
  [/^Secretary of State for International Trade$/, 'International Trade Secretary'],
  [/^Secretary of State for Transport$/, 'Transport Secretary'],
  [/^Secretary of State for Environment, Food/, 'Environment Secretary'],
  [/^Secretary of State for Scotland$/, 'Scottish Secretary'],
  [/^Secretary of State for Wales$/, 'Welsh Secretary'],
  [/^Secretary of State for Northern Ireland$/, 'Northern Ireland Secretary'],
  [/^Secretary of State for (Digital, )?Culture/, 'Culture Secretary'],
  [/^Secretary of State for Energy/, 'Energy Secretary'],
  [/^Secretary of State for Levelling Up/, 'Levelling Up Secretary'],
  [/^Secretary of State for (Housing, )?Communities/, 'Communities Secretary'],
  [/^Secretary of State for Science, Innovation/, 'Science Secretary'],
  [/^Secretary of State for International Development$/, 'International Development Secretary'],
  [/^Secretary of State for Exiting the European Union$/, 'Brexit Secretary'],
  [/^Chief Secretary to the Treasury$/, 'Chief Secretary to the Treasury'],
];

const UK_OFFICES: Record<string, string> = {
  'Prime Minister': 'hog',
  'Deputy Prime Minister': 'deputy_hog',
  Chancellor: 'finance',
  'Home Secretary': 'interior',
  'Foreign Secretary': 'foreign',
  'Defence Secretary': 'defence',
  'Justice Secretary': 'justice',
};

/** The core-office key of a UK short title, if it is one. */
export const ukOffice = (short: string): string | undefined => UK_OFFICES[short];
