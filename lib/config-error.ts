// The one error a bad setting becomes: it names the variable and says what to do, in one line (start-up prints it).
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Brickwatch configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}
