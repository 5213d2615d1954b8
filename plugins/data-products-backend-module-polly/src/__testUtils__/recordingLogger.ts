import type { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps what it is told, as `level: message` lines. */
export function recordingLogger(): LoggerService & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => {
    lines.push(`${level}: ${message}`);
  };
  const logger = {
    lines,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: () => logger,
  };
  return logger;
}
