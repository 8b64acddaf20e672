import { z } from 'zod';
import type { Lang } from './common.js';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'QUERY_TOO_LONG',
  'UNKNOWN_LANGUAGE',
  'NOT_FOUND',
  'FORBIDDEN',
  'INTERNAL',
  'UNAUTHORIZED',
  'WRONG_CREDENTIALS',
  'QUEUE_CONFLICT',
  'COUNTER_BUSY',
  'SIGNED_IN_ELSEWHERE',
  'COUNTER_IN_USE',
  'SUPERVISOR_REQUIRED',
  'UNKNOWN_SERVICE',
  'APPOINTMENT_NOT_FOUND',
  'ALREADY_CHECKED_IN',
  'SERVER_UNREACHABLE',
  'NO_COUNTER',
  'ALREADY_RATED',
  'APPOINTMENT_CANCELLED',
  'ALREADY_CANCELLED',
  'URL_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'SERVER_REFUSED',
  'NOT_SERVED',
  'TOO_MANY_ATTEMPTS',
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
  UNAUTHORIZED: 401,
  WRONG_CREDENTIALS: 401,
  QUEUE_CONFLICT: 409,
  COUNTER_BUSY: 409,
  SIGNED_IN_ELSEWHERE: 409,
  COUNTER_IN_USE: 409,
  SUPERVISOR_REQUIRED: 403,
  UNKNOWN_SERVICE: 400,
  APPOINTMENT_NOT_FOUND: 404,
  ALREADY_CHECKED_IN: 409,
  SERVER_UNREACHABLE: 503,
  NO_COUNTER: 400,
  ALREADY_RATED: 409,
  APPOINTMENT_CANCELLED: 409,
  ALREADY_CANCELLED: 409,
  URL_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  SERVER_REFUSED: 502,
  NOT_SERVED: 409,
  TOO_MANY_ATTEMPTS: 429,
};

export const ERROR_MESSAGES: Record<Lang, Record<ErrorCode, string>> = {
  'zh-CN': {
    VALIDATION_FAILED: '请求内容不正确，请检查后重试。',
    QUERY_TOO_LONG: '搜索内容太长，请输入不超过 {{max}} 个字。',
    UNKNOWN_LANGUAGE: '不支持该语言，请选择中文、English 或 Русский。',
    NOT_FOUND: '没有找到您要的内容。',
    FORBIDDEN: '此终端无权进行该操作。',
    INTERNAL: '系统暂时出现问题，请稍后再试或联系工作人员。',
    UNAUTHORIZED: '请先登录。',
    WRONG_CREDENTIALS: '工号或密码不正确。',
    QUEUE_CONFLICT: '该号已被其他窗口叫过或已办结。',
    COUNTER_BUSY: '本窗口还有正在办理的号：请先办结、过号、暂挂或转移，再叫下一位。',
    SIGNED_IN_ELSEWHERE: '这个工号已在其他窗口登录：同一工号同一时间只能在一个窗口登录。请先在那个窗口退出登录。',
    COUNTER_IN_USE: '本窗口已有其他工作人员登录。请等对方退出登录，或请主管输入工号和密码后接管本窗口。',
    SUPERVISOR_REQUIRED: '主管工号或密码不正确，或该工号不是主管：接管窗口须由主管或管理员确认。',
    UNKNOWN_SERVICE: '没有这个业务队列。',
    APPOINTMENT_NOT_FOUND: '没有找到今天的这个预约，请核对预约码或咨询工作人员。',
    ALREADY_CHECKED_IN: '这个预约已经签到过了。',
    SERVER_UNREACHABLE: '暂时连不上中心服务器，请稍后再试。',
    NO_COUNTER: '本大厅没有这个窗口号。',
    ALREADY_RATED: '这次服务已经评价过了，每次服务只能评价一次。',
    NOT_SERVED: '这张号今日未办理：当天结束时仍在等候，没有可以评价的服务。需要办理请重新取号。',
    APPOINTMENT_CANCELLED: '这个预约已被取消。请咨询现场工作人员，或直接取号排队。',
    ALREADY_CANCELLED: '这个预约已经取消过了。',
    URL_TOO_LONG: '请求的地址太长，请缩短后重试。',
    HEADERS_TOO_LARGE: '请求的地址或附带信息太长，请缩短后重试。',
    SERVER_REFUSED: '中心服务器拒绝了这个请求（{{reason}}），请联系管理员。',
    TOO_MANY_ATTEMPTS: '尝试失败次数过多，请 {{minutes}} 分钟后再试。',
  },
  en: {
    VALIDATION_FAILED: 'The request is not valid. Please check it and try again.',
    QUERY_TOO_LONG: 'The search text is too long. Please enter at most {{max}} characters.',
    UNKNOWN_LANGUAGE: 'That language is not supported. Please choose 中文, English or Русский.',
    NOT_FOUND: 'What you asked for was not found.',
    FORBIDDEN: 'This terminal is not allowed to do that.',
    INTERNAL: 'Something went wrong. Please try again later or ask a member of staff.',
    UNAUTHORIZED: 'Please sign in first.',
    WRONG_CREDENTIALS: 'The login or password is not right.',
    QUEUE_CONFLICT: 'That ticket has already been called by another counter or is finished.',
    COUNTER_BUSY: 'This counter is still serving a ticket: finish it, mark it as a no-show, park it or transfer it before calling the next one.',
    SIGNED_IN_ELSEWHERE: 'This login is already signed in at another counter; a login can be signed in at one counter at a time. Sign out there first.',
    COUNTER_IN_USE: 'Another clerk is signed in at this counter. Ask them to sign out first, or have a supervisor enter their login and password to take the counter over.',
    SUPERVISOR_REQUIRED: "The supervisor's login or password is not right, or that login is not a supervisor's: taking over a counter needs a supervisor or an administrator.",
    UNKNOWN_SERVICE: 'There is no such queue line.',
    APPOINTMENT_NOT_FOUND: 'No appointment for today was found. Please check the code or ask a member of staff.',
    ALREADY_CHECKED_IN: 'This appointment has already been checked in.',
    SERVER_UNREACHABLE: 'The central server cannot be reached right now. Please try again later.',
    NO_COUNTER: 'This hall has no counter with that number.',
    ALREADY_RATED: 'This service has already been rated; each service can be rated once.',
    NOT_SERVED: 'Not served today: this ticket was still waiting when the day closed, so there is no service to rate. Please take a new ticket to be served.',
    APPOINTMENT_CANCELLED: 'This appointment was cancelled. Please ask a member of staff, or take a walk-in ticket.',
    ALREADY_CANCELLED: 'This appointment has already been cancelled.',
    URL_TOO_LONG: 'The address of the request is too long. Please shorten it and try again.',
    HEADERS_TOO_LARGE: 'The address or the headers of the request are too long. Please shorten them and try again.',
    SERVER_REFUSED: 'The central server refused this request ({{reason}}). Please tell the administrator.',
    TOO_MANY_ATTEMPTS: 'Too many failed attempts. Please try again in {{minutes}} min.',
  },
  ru: {
    VALIDATION_FAILED: 'Запрос составлен неверно. Проверьте его и повторите попытку.',
    QUERY_TOO_LONG: 'Слишком длинный запрос. Введите не более {{max}} символов.',
    UNKNOWN_LANGUAGE: 'Этот язык не поддерживается. Выберите 中文, English или Русский.',
    NOT_FOUND: 'Ничего не найдено.',
    FORBIDDEN: 'Этому терминалу это действие не разрешено.',
    INTERNAL: 'Произошла ошибка. Повторите попытку позже или обратитесь к сотруднику.',
    UNAUTHORIZED: 'Сначала войдите в систему.',
    WRONG_CREDENTIALS: 'Неверный логин или пароль.',
    QUEUE_CONFLICT: 'Этот талон уже вызван другим окном или обслужен.',
    COUNTER_BUSY: 'Это окно ещё обслуживает талон: завершите его, отметьте неявку, отложите или переведите, прежде чем вызывать следующий.',
    SIGNED_IN_ELSEWHERE: 'Этот логин уже вошёл в систему в другом окне; одновременно можно работать только в одном окне. Сначала выйдите из системы там.',
    COUNTER_IN_USE: 'В этом окне уже работает другой сотрудник. Попросите его выйти из системы или попросите руководителя ввести свой логин и пароль, чтобы передать окно вам.',
    SUPERVISOR_REQUIRED: 'Логин или пароль руководителя неверны, либо этот логин не принадлежит руководителю: передать окно может только руководитель или администратор.',
    UNKNOWN_SERVICE: 'Такой очереди нет.',
    APPOINTMENT_NOT_FOUND: 'Запись на сегодня не найдена. Проверьте код или обратитесь к сотруднику.',
    ALREADY_CHECKED_IN: 'По этой записи уже отмечались.',
    SERVER_UNREACHABLE: 'Центральный сервер сейчас недоступен. Повторите попытку позже.',
    NO_COUNTER: 'В этом зале нет окна с таким номером.',
    ALREADY_RATED: 'Эта услуга уже оценена; каждую услугу можно оценить только один раз.',
    NOT_SERVED: 'Не обслужен сегодня: день закрылся, пока талон ждал очереди, поэтому оценивать нечего. Чтобы вас обслужили, возьмите новый талон.',
    APPOINTMENT_CANCELLED: 'Эта запись отменена. Обратитесь к сотруднику или возьмите талон в общую очередь.',
    ALREADY_CANCELLED: 'Эта запись уже отменена.',
    URL_TOO_LONG: 'Адрес запроса слишком длинный. Сократите его и повторите попытку.',
    HEADERS_TOO_LARGE: 'Адрес или заголовки запроса слишком длинные. Сократите их и повторите попытку.',
    SERVER_REFUSED: 'Центральный сервер отклонил этот запрос ({{reason}}). Сообщите администратору.',
    TOO_MANY_ATTEMPTS: 'Слишком много неудачных попыток. Повторите через {{minutes}} мин.',
  },
};

export function errorMessage(code: ErrorCode, lang: Lang, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[lang][code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Thrown anywhere below the HTTP layer; the service turns it into an ErrorBody. TOO_MANY_ATTEMPTS carries params { minutes, seconds } (seconds: Retry-After). */
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
