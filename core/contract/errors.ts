import { z } from 'zod';
import type { Lang } from './common.js';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'QUERY_TOO_LONG',
  'UNKNOWN_LANGUAGE',
  'NOT_FOUND',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  QUERY_TOO_LONG: 400,
  UNKNOWN_LANGUAGE: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INTERNAL: 500,
};

export const ERROR_MESSAGES: Record<Lang, Record<ErrorCode, string>> = {
  'zh-CN': {
    VALIDATION_FAILED: '请求内容不正确，请检查后重试。',
    QUERY_TOO_LONG: '搜索内容太长，请输入不超过 {{max}} 个字。',
    UNKNOWN_LANGUAGE: '不支持该语言，请选择中文、English 或 Русский。',
    NOT_FOUND: '没有找到您要的内容。',
    FORBIDDEN: '此终端无权进行该操作。',
    INTERNAL: '系统暂时出现问题，请稍后再试或联系工作人员。',
  },
  en: {
    VALIDATION_FAILED: 'The request is not valid. Please check it and try again.',
    QUERY_TOO_LONG: 'The search text is too long. Please enter at most {{max}} characters.',
    UNKNOWN_LANGUAGE: 'That language is not supported. Please choose 中文, English or Русский.',
    NOT_FOUND: 'What you asked for was not found.',
    FORBIDDEN: 'This terminal is not allowed to do that.',
    INTERNAL: 'Something went wrong. Please try again later or ask a member of staff.',
  },
  ru: {
    VALIDATION_FAILED: 'Запрос составлен неверно. Проверьте его и повторите попытку.',
    QUERY_TOO_LONG: 'Слишком длинный запрос. Введите не более {{max}} символов.',
    UNKNOWN_LANGUAGE: 'Этот язык не поддерживается. Выберите 中文, English или Русский.',
    NOT_FOUND: 'Ничего не найдено.',
    FORBIDDEN: 'Этому терминалу это действие не разрешено.',
    INTERNAL: 'Произошла ошибка. Повторите попытку позже или обратитесь к сотруднику.',
  },
};

export function errorMessage(code: ErrorCode, lang: Lang, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[lang][code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Thrown anywhere below the HTTP layer; the service turns it into an ErrorBody. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: { path: string; message: string }[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}
