/**
 * English weekday and month names, lower case: the words that make "on Monday", "in May"
 * a date. One list for every stage that needs to tell a date from other words.
 */
export const WEEKDAYS_AND_MONTHS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
