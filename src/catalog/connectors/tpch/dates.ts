/**
 * Dates of TPC-H. dbgen counts days from 1992-01-01, which it numbers 92001, and decides
 * whether an order line has shipped or been received by comparing with its fixed "current
 * date" 1995-06-17. Generators work in epoch days (days since 1970-01-01), the DATE value.
 */

/** 1992-01-01 in epoch days: the first order date. */
export const START_DATE = 8035;
/** Days in the generated calendar, 1992-01-01 through 1998-12-31. */
export const TOTAL_DATE_RANGE = 2557;
/** 1995-06-17: lines shipped or received on or before it are in the past. */
export const CURRENT_DATE = 9298;

export function isInPast(epochDay: number): boolean {
  return epochDay <= CURRENT_DATE;
}
