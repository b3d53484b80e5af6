// Errors the user is meant to read: the message is Vietnamese and safe to show.

import "server-only";
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "UserError";
  }
}

export class ForbiddenError extends UserError {
  constructor(message = "Bạn không có quyền thực hiện thao tác này.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends UserError {
  constructor(message = "Không tìm thấy dữ liệu yêu cầu.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends UserError {
  constructor(message: string, readonly details: unknown = null) {
    super(message);
    this.name = "ConflictError";
  }
}

/** What every server action returns to the browser. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; details?: unknown };
