// The one error handler of the HTTP edge, the same for every route. A refusal or failure answers
// `{error, message, reference}`: a stable code, a short bokmål text from the table below, and a
// reference the log holds the details under. Nothing of the error itself (stack, path, library or
// driver message) is ever sent; client input gets a 4xx, only our own failures a 500.
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../src/logger.ts';

const ERRORS = {
  bad_request: [400, 'Forespørselen kan ikke leses.'],
  invalid_json: [400, 'Innholdet er ikke gyldig JSON.'],
  invalid_activity: [400, 'Aktiviteten mangler felter eller har felter av feil slag.'],
  service_url_not_allowed: [400, 'Svar kan ikke sendes dit aktiviteten ber om (serviceUrl).'],
  conversation_required: [400, 'Oppgi hvilken samtale panelet gjelder (conversation).'],
  invalid_action: [400, 'Knappen ber om noe panelet ikke kan gjøre, eller mangler felter.'],
  unauthorized: [401, 'Mangler gyldig pålogging.'],
  sso_required: [401, 'Mangler gyldig pålogging fra Teams. Åpne panelet i Teams-møtet.'],
  forbidden: [403, 'Ingen tilgang.'],
  local_only: [403, 'Møtebot kjører lokalt og tar bare imot tilkoblinger fra denne maskinen.'],
  tenant_not_allowed: [403, 'Denne organisasjonen (tenant) har ikke tilgang til Møtebot.'],
  tenant_mismatch: [403, 'Aktiviteten oppgir to ulike organisasjoner (tenant).'],
  not_a_member: [403, 'Du er ikke med i denne samtalen, så panelet kan ikke vise den.'],
  not_found: [404, 'Finnes ikke.'],
  export_link_invalid: [404, 'Lenken er ugyldig eller utløpt. Be Møtebot om en ny eksport.'],
  body_too_large: [413, 'Forespørselen er for stor.'],
  unsupported_media_type: [415, 'Send innholdet som JSON (content-type: application/json).'],
  unsupported_charset: [415, 'Bare tegnsettet UTF-8 støttes.'],
  unsupported_encoding: [415, 'Denne innholdskodingen (content-encoding) støttes ikke.'],
  internal: [500, 'Noe gikk galt hos Møtebot. Oppgi referansen hvis du melder fra om feilen.'],
} as const satisfies Record<string, readonly [number, string]>;

export type HttpErrorCode = keyof typeof ERRORS;

/** A refusal with its code; `detail` is for the log only. */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ?? code, options);
    this.name = 'HttpError';
  }

  get status(): number {
    return ERRORS[this.code][0];
  }
}

/** body-parser's error types, by what the client did wrong. */
const BODY_ERRORS: Record<string, HttpErrorCode> = {
  'entity.parse.failed': 'invalid_json',
  'entity.too.large': 'body_too_large',
  'parameters.too.many': 'body_too_large',
  'charset.unsupported': 'unsupported_charset',
  'encoding.unsupported': 'unsupported_encoding',
};

/** Statuses the libraries under express (router, body-parser, send) give client errors. */
const BY_STATUS: Record<number, HttpErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'body_too_large',
  415: 'unsupported_media_type',
};

function codeOf(err: unknown): HttpErrorCode {
  if (err instanceof HttpError) return err.code;
  const e = err as { type?: unknown; status?: unknown; statusCode?: unknown; expose?: unknown } | null;
  const status = Number(e?.status ?? e?.statusCode);
  // http-errors marks the errors caused by the request as `expose`; any other is ours.
  if (!(status >= 400 && status < 500)) return 'internal';
  if (typeof e?.type === 'string' && e.type in BODY_ERRORS) return BODY_ERRORS[e.type]!;
  return BY_STATUS[status] ?? 'bad_request';
}

/** Unmatched paths become the handler's 404. */
export const notFound: RequestHandler = (_req, _res, next) => next(new HttpError('not_found'));

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const code = codeOf(err);
    const [status, message] = ERRORS[code];
    const reference = randomUUID().slice(0, 8);
    // The route's pattern, not the path: an export link's path is its token.
    const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : req.path;
    const entry = { err, reference, code, status, method: req.method, route };
    if (status >= 500) logger.error(entry, 'request failed');
    else logger.warn(entry, 'request refused');
    if (res.headersSent) {
      // A stream already under way (a file, an event stream) can only be cut.
      res.destroy();
      return;
    }
    res.status(status).setHeader('cache-control', 'no-store');
    res.json({ error: code, message, reference });
  };
}
