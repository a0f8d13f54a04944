/**
 * Employee surveys on the intranet: a supervisor or an admin builds a short survey, employees answer it
 * anonymously through `<parley-survey employee-token-url>`. What the employee API
 * (`/api/surveys/employee/...`) and the console's (`/api/console/employee-surveys/...`) carry. Types only;
 * validators for the inbound ones live in `./schemas-employee-surveys` (server only).
 */
import type { Locale } from './constants.js';
import type { IsoDate, LocalizedText } from './types.js';

export type EmployeeQuestionType = 'rating' | 'single' | 'multiple' | 'text';

/** A choice's option. Ids are given by the server (`o1`, `o2`, ...) in the order sent. */
export interface EmployeeQuestionOption {
  id: string;
  text: LocalizedText;
}

/** A question as stored and as the console sees it. Ids are given by the server (`q1`, `q2`, ...). */
export interface EmployeeQuestion {
  id: string;
  type: EmployeeQuestionType;
  text: LocalizedText;
  required: boolean;
  /** Choice questions only. */
  options?: EmployeeQuestionOption[];
}

/** Who is asked: everyone who signs in on the intranet, or the people of some departments; optionally a random sample of them. */
export interface EmployeeAudience {
  kind: 'everyone' | 'departments';
  /** Parley department ids (kind `departments`); an employee belongs when a token department names one (by id or any of its names). */
  departmentIds: string[];
  /** Draw this many people from the audience when the survey is opened (needs the roster then). Null: everyone in the audience. */
  sampleSize: number | null;
}

export type EmployeeSurveyStatus = 'draft' | 'open' | 'closed';

/** The console's view of a survey. `state` adds the window to `status`: an open survey before `opensAt` is `scheduled`, after `closesAt` `closed`. */
export interface EmployeeSurveyAdmin {
  id: string;
  title: LocalizedText;
  intro: LocalizedText | null;
  questions: EmployeeQuestion[];
  audience: EmployeeAudience;
  opensAt: IsoDate | null;
  closesAt: IsoDate | null;
  status: EmployeeSurveyStatus;
  state: 'draft' | 'scheduled' | 'open' | 'closed';
  /** How many people were asked, when known: the drawn sample, the roster's audience, or a number given on opening. */
  audienceSize: number | null;
  createdBy: { id: string; name: string } | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  openedAt: IsoDate | null;
  closedAt: IsoDate | null;
}

/** A question sent by the console; ids are assigned by position. */
export interface EmployeeQuestionInput {
  type: EmployeeQuestionType;
  text: LocalizedText;
  required?: boolean;
  options?: LocalizedText[];
}

/** `POST /api/console/employee-surveys` and `PUT .../:id` (drafts only): the whole editable survey. */
export interface EmployeeSurveyInput {
  title: LocalizedText;
  intro?: LocalizedText | null;
  questions: EmployeeQuestionInput[];
  audience: { kind: 'everyone' | 'departments'; departmentIds?: string[]; sampleSize?: number | null };
  opensAt?: IsoDate | null;
  closesAt?: IsoDate | null;
}

/** One person of the intranet's roster: its `sub` for them and their departments, as in their tokens. */
export interface EmployeeRosterEntry {
  subject: string;
  departments?: string[];
}

/**
 * `POST /api/console/employee-surveys/:id/open`. A sampled survey needs `roster` (the sample is drawn
 * from it, and only keyed hashes of those drawn are kept); otherwise `roster` or `audienceSize` only
 * give the response rate its denominator.
 */
export interface EmployeeSurveyOpenInput {
  roster?: EmployeeRosterEntry[];
  audienceSize?: number;
}

// ---------- the employee's side ----------

/** A question as an employee sees it: texts in one language. */
export interface EmployeeQuestionView {
  id: string;
  type: EmployeeQuestionType;
  text: string;
  required: boolean;
  options?: Array<{ id: string; text: string }>;
}

/** `GET /api/surveys/employee/:siteKey` lists these (summary: no questions); `GET .../:id` the whole. */
export interface EmployeeSurveyView {
  id: string;
  locale: Locale;
  title: string;
  intro: string;
  closesAt: IsoDate | null;
  questions: EmployeeQuestionView[];
}

export type EmployeeSurveySummary = Omit<EmployeeSurveyView, 'questions'> & { questionCount: number };

/** A rating 1-5, one option id, several option ids, or text. Unanswered optional questions are left out. */
export type EmployeeAnswerValue = number | string | string[];

/** `POST /api/surveys/employee/:siteKey/:id/answers`. 201 once; 409 `closed` for a second answer. */
export interface EmployeeAnswerInput {
  answers: Record<string, EmployeeAnswerValue>;
}

// ---------- results ----------

export interface EmployeeQuestionResult {
  id: string;
  type: EmployeeQuestionType;
  text: LocalizedText;
  /** How many answered this question (optional ones may be skipped). */
  answered: number;
  /** Rating: count per point 1-5 and the average. */
  distribution?: Record<'1' | '2' | '3' | '4' | '5', number>;
  average?: number | null;
  /** Choices: count per option (for multiple choice one answer counts in several). */
  options?: Array<{ id: string; text: LocalizedText; count: number }>;
  /** Text answers, in random order. */
  texts?: string[];
}

/** One group's results: a department, everyone else (departments below the threshold, put together), or the whole survey. */
export interface EmployeeGroupResult {
  /** A department id, `other` (the departments too small to show alone, and people matching no department), or `all`. */
  group: string;
  name: LocalizedText;
  responses: number;
  questions: EmployeeQuestionResult[];
}

/**
 * `GET /api/console/employee-surveys/:id/results`. Groups with fewer than `minGroupSize` answers are never
 * shown, and neither is a count below it. Answers are shown once the survey has closed (`final`): results
 * read while answers come in could be compared to single out the latest one.
 */
export interface EmployeeSurveyResults {
  surveyId: string;
  minGroupSize: number;
  /** The survey has closed: these are its results. Before that, only `responses` and `responseRate`. */
  final: boolean;
  /** Null while fewer than `minGroupSize` have answered, and until the survey closes. */
  overall: EmployeeGroupResult | null;
  groups: EmployeeGroupResult[];
  /** Null below `minGroupSize`: an exact small count would say who answered. */
  responses: number | null;
  audienceSize: number | null;
  /** responses / audienceSize, 0-1, when both are known. */
  responseRate: number | null;
}
