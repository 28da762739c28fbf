/** Start-up configuration is missing or wrong; the message names every bad variable and says what to do. */
export class ConfigError extends Error {
  readonly code = 'config-invalid';
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(
      [
        `${service}: yapılandırma hatalı / configuration is invalid:`,
        ...problems.map((problem) => `  - ${problem}`),
        'Ortam değişkenlerini düzeltip yeniden başlatın / fix the environment variables above and start again.',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}
