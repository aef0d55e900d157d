// Handlers never take the server down: an exception is logged to the client's output channel and the
// request answers with its fallback (or an error response when it has none).
import { Connection, ErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver';

export type Logger = Pick<Connection['console'], 'error' | 'warn' | 'info' | 'log'>;

export function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Wraps a request handler: a ResponseError passes through; any other error is logged and answered by `onError`. */
function guarded<P extends unknown[], R>(
  log: Logger, name: string, handler: (...args: P) => R | Promise<R>, onError: (error: unknown) => R | ResponseError<void>,
): (...args: P) => Promise<R | ResponseError<void>> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) return error;
      log.error(`dateline: ${name} failed: ${describe(error)}`);
      return onError(error);
    }
  };
}

/** Wraps a request handler: an error becomes `fallback` (logged), a ResponseError passes through. */
export function guardRequest<P extends unknown[], R>(
  log: Logger, name: string, fallback: R, handler: (...args: P) => R | Promise<R>,
): (...args: P) => Promise<R | ResponseError<void>> {
  return guarded(log, name, handler, () => fallback);
}

/** Wraps a request handler whose failure the client should see as an error response. */
export function guardStrict<P extends unknown[], R>(
  log: Logger, name: string, handler: (...args: P) => R | Promise<R>,
): (...args: P) => Promise<R | ResponseError<void>> {
  return guarded(log, name, handler, error =>
    new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`));
}

/** Wraps a notification handler or an event listener. */
export function guardNotification<P extends unknown[]>(
  log: Logger, name: string, handler: (...args: P) => void | Promise<void>,
): (...args: P) => void {
  return (...args: P) => {
    try {
      const r = handler(...args);
      if (r && typeof (r as Promise<void>).catch === 'function') {
        (r as Promise<void>).catch(error => log.error(`dateline: ${name} failed: ${describe(error)}`));
      }
    } catch (error) {
      log.error(`dateline: ${name} failed: ${describe(error)}`);
    }
  };
}

/** One warning in the client's UI (`window/showMessage`), also written to the output channel. */
export function warnUser(connection: Connection, message: string): void {
  connection.console.warn(message);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
