// Dataview's date shorthands (`date(today)` in a query, `date("sow")` as a function's argument), on the build's
// clock: the only way a query reads the time.
import { DateTime } from 'luxon';
import { readClock } from '../../config/clock';
import { DISPLAY } from './values';

const clockNow = () => DateTime.fromMillis(readClock('dataview'), { zone: DISPLAY.zone });

export const DATE_SHORTHANDS: Record<string, () => DateTime> = {
  now: () => clockNow(),
  today: () => clockNow().startOf('day'),
  yesterday: () => clockNow().startOf('day').minus({ days: 1 }),
  tomorrow: () => clockNow().startOf('day').plus({ days: 1 }),
  sow: () => clockNow().startOf('week'),
  'start-of-week': () => DATE_SHORTHANDS.sow(),
  eow: () => clockNow().endOf('week'),
  'end-of-week': () => DATE_SHORTHANDS.eow(),
  som: () => clockNow().startOf('month'),
  'start-of-month': () => DATE_SHORTHANDS.som(),
  eom: () => clockNow().endOf('month'),
  'end-of-month': () => DATE_SHORTHANDS.eom(),
  soy: () => clockNow().startOf('year'),
  'start-of-year': () => DATE_SHORTHANDS.soy(),
  eoy: () => clockNow().endOf('year'),
  'end-of-year': () => DATE_SHORTHANDS.eoy(),
};
