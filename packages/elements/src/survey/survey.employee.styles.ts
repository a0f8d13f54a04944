import { css } from 'lit';
import { surveyStyles } from './survey.styles.js';

/** The CSAT survey's look (scale, fields, buttons), plus the list and the several questions of an employee survey. */
export const employeeSurveyStyles = [
  ...surveyStyles,
  css`
    .intro {
      margin-bottom: 8px;
      white-space: pre-wrap;
    }
    .anonymous {
      margin-bottom: 14px;
    }
    form {
      gap: 20px;
    }
    .question legend,
    .question.field > label {
      font-weight: 600;
      font-size: 16px;
      margin-bottom: 8px;
    }
    .required {
      font-weight: 400;
      font-size: 13px;
      color: var(--_text-muted);
    }
    .check {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 32px;
    }
    .check input {
      width: 18px;
      height: 18px;
      margin: 0;
      accent-color: var(--_accent);
    }
    .question .error {
      margin-top: 6px;
    }
    .surveys {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .survey-link {
      display: grid;
      gap: 2px;
      width: 100%;
      text-align: start;
      padding: 10px 14px;
    }
    .survey-link .name {
      font-weight: 600;
    }
    .survey-link .meta {
      font-size: 13px;
      color: var(--_text-muted);
    }
  `,
];
