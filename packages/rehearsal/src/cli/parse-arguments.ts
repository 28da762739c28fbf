/** The command line: `konsey-rehearse <scenario.json> [--json] [--url URL] [--keep] [--scale N] …`. */
export interface RehearsalArguments {
  scenario: string | undefined;
  json: boolean;
  url: string | undefined;
  keep: boolean;
  scale: number | undefined;
  seed: string | undefined;
  concurrency: number;
  smtpPort: number;
  out: string | undefined;
  help: boolean;
}

export const USAGE = `kullanım / usage:
  npm run rehearse -- <senaryo.json> [--json] [--url URL] [--keep] [--scale N] [--seed S]
                      [--concurrency N] [--smtp-port N] [--out report.json]

  --json          raporu kararlı JSON belgesi olarak yaz / print the stable JSON document
  --url URL       çalışan bir suite'i sür / drive a running suite: http://host (ports 4001–4004)
                  or membership=URL,elections=URL,motions=URL,notifications=URL; the operator's
                  e-mail and password come from KONSEY_OPERATOR_EMAIL and KONSEY_OPERATOR_PASSWORD,
                  and the suite's notifications must send mail to the rehearsal's SMTP sink
                  (--smtp-port, default 1025: SMTP_URL=smtp://127.0.0.1:1025)
  --keep          suite'i incelemek için açık bırak (Ctrl-C ile durur) / leave the suite running
  --scale N       N üyeli yapay bir konsey üret (senaryo isteğe bağlı) / a synthetic council of N members
  --seed S        yapay konseyin tohumu / seed of the synthetic council (default: the scenario's)
  --concurrency N aynı anda işlem yapan üye sayısı / members acting at once (default 8)
  --out FILE      JSON raporu dosyaya da yaz / also write the JSON report to FILE`;

function integer(flag: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < min)
    throw new Error(`${flag}: en az ${min} bir tam sayı olmalı / must be an integer ≥ ${min}`);
  return Number(value);
}

export function parseArguments(argv: readonly string[]): RehearsalArguments {
  const args: RehearsalArguments = {
    scenario: undefined,
    json: false,
    url: undefined,
    keep: false,
    scale: undefined,
    seed: undefined,
    concurrency: 8,
    smtpPort: 1025,
    out: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg}: değer eksik / needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--keep') args.keep = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--url') args.url = value();
    else if (arg === '--scale') args.scale = integer(arg, value(), 4);
    else if (arg === '--seed') args.seed = value();
    else if (arg === '--concurrency') args.concurrency = integer(arg, value(), 1);
    else if (arg === '--smtp-port') args.smtpPort = integer(arg, value(), 1);
    else if (arg === '--out') args.out = value();
    else if (arg.startsWith('--')) throw new Error(`bilinmeyen seçenek / unknown option: ${arg}`);
    else if (args.scenario === undefined) args.scenario = arg;
    else throw new Error(`birden çok senaryo / more than one scenario: ${arg}`);
  }
  if (!args.help && args.scenario === undefined && args.scale === undefined)
    throw new Error('senaryo dosyası ya da --scale gerekli / a scenario file or --scale is needed');
  if (args.keep && args.url)
    throw new Error('--keep yalnızca kendi suite için / --keep applies to the suite the rehearsal starts');
  return args;
}
