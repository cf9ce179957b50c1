import type { ErrorCode, FieldError } from "@trame/contracts";

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CSRF_FAILED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SETUP_ALREADY_DONE: 409,
  SETUP_REQUIRED: 409,
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 400,
  WEAK_PASSWORD: 400,
  LAST_MANAGER: 409,
  LAST_OWNER: 409,
  MODULE_DISABLED: 404,
  INTERNAL: 500,
};

/** The one error type of the application: a stable code, a message a person can act on, field details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
  get status(): number {
    return statusOf[this.code];
  }
}

export const notFound = (what = "This item") => new AppError("NOT_FOUND", `${what} does not exist or is not visible to you.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("FORBIDDEN", message);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Please sign in first.");
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const validationFailed = (message: string, fields?: FieldError[]) => new AppError("VALIDATION_FAILED", message, fields);
