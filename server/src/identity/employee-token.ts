/**
 * Employees are identified by a token their intranet signs (DESIGN.md "Announcements"): a JWT, HS256,
 * signed with the site's identity secret, verified with `jose`. Parley never issues these; it only
 * checks them, so an intranet that can sign can vouch for its employees and nobody else can.
 */
import { jwtVerify, errors as joseErrors } from 'jose';
import { SUPPORTED_LOCALES, type Locale } from '@parley/protocol';
import { AppError } from '../lib/errors.js';

export interface Employee {
  /** The intranet's stable id for the person (`sub`). */
  id: string;
  name: string;
  /** Department names or ids as the intranet knows them (audiences match on these). */
  departments: string[];
  locale: Locale;
}

/** A token valid for longer than this is refused: a leaked one must not work for long. */
export const MAX_EMPLOYEE_TOKEN_HOURS = 24;

const enc = new TextEncoder();

export async function verifyEmployeeToken(token: string, siteSecret: string, now: Date): Promise<Employee> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw new AppError('unauthorized', 'employee token missing or too long');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, enc.encode(siteSecret), {
      algorithms: ['HS256'],
      currentDate: now,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 30,
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new AppError('unauthorized', 'employee token expired; reload the intranet page');
    throw new AppError('unauthorized', 'employee token is not valid for this site');
  }
  const exp = Number(payload.exp);
  const iat = typeof payload.iat === 'number' ? payload.iat : now.getTime() / 1000;
  if (exp - iat > MAX_EMPLOYEE_TOKEN_HOURS * 3600 + 60) throw new AppError('unauthorized', `employee tokens may be valid for at most ${MAX_EMPLOYEE_TOKEN_HOURS} hours`);
  const sub = String(payload.sub);
  if (sub.length === 0 || sub.length > 200) throw new AppError('unauthorized', 'employee token subject is empty or too long');
  const name = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim().slice(0, 200) : sub;
  const departments = Array.isArray(payload.departments) ? payload.departments.filter((d): d is string => typeof d === 'string' && d.length > 0 && d.length <= 200).slice(0, 50) : [];
  const locale = (SUPPORTED_LOCALES as readonly string[]).includes(String(payload.locale)) ? (payload.locale as Locale) : 'en';
  return { id: sub, name, departments, locale };
}
