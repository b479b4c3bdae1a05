import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import path from 'node:path';
import { signToken, isRole, usesDevelopmentSecret, tokenConfigFromEnv, type Department } from '@rg/access';
import { createReportWriter, sendImport, summary, writeTemplate, type ImportRecordType } from '@rg/record-import';
import { portVariable, subgraphUrlVariable } from '@rg/departments';
import { departments } from './departments';
import { createUploadProgress } from './progress';

const USAGE = `usage: npm run import -- <department> <record-type> <file.csv|file.xlsx>
       npm run import -- template <department> <record-type> <file.csv|file.xlsx>`;

function usage(problem?: string): never {
  if (problem) console.error(problem);
  console.error(USAGE);
  for (const department of departments) {
    if (department.subgraph.imports?.length) console.error(`  ${department.name}: ${department.subgraph.imports.map((t: ImportRecordType) => t.name).join(', ')}`);
  }
  process.exit(2);
}

function recordTypeOf(departmentName: string | undefined, typeName: string | undefined): { department: Department; recordType: ImportRecordType } {
  const department = departments.find((d) => d.name === departmentName);
  if (!department) usage(`unknown department ${departmentName ?? ''}`);
  const recordType = department.subgraph.imports?.find((t: ImportRecordType) => t.name === typeName);
  if (!recordType) usage(`${department.name} has no record type ${typeName ?? ''} to import`);
  return { department: department.name, recordType };
}

/** The department's import endpoint: its URL variable (as the gateway reads it), else its port on this machine. */
function importUrl(department: Department, recordType: string): string {
  const configured = process.env[subgraphUrlVariable(department)];
  const port = process.env[portVariable(department)] ?? departments.find((d) => d.name === department)!.port;
  const graphql = configured ?? `http://127.0.0.1:${port}/graphql`;
  return graphql.replace(/\/graphql\/?$/, '') + `/import/${recordType}`;
}

async function token(department: Department): Promise<string> {
  if (process.env.IMPORT_TOKEN) return process.env.IMPORT_TOKEN;
  if (process.env.NODE_ENV === 'production' || !usesDevelopmentSecret(tokenConfigFromEnv())) {
    console.error(`set IMPORT_TOKEN to a ${department} staff token (development tokens are for the development secret only)`);
    process.exit(2);
  }
  if (!isRole(department)) throw new Error(`${department} is not a role`);
  return signToken(department, { subject: `${department}-import` });
}

/**
 * `npm run import -- <department> <record-type> <file>`: sends the file to the department's
 * subgraph (POST /import/<record-type>), shows a progress bar, writes the rejected rows to
 * <file>.rejected.csv and prints `imported N, unchanged M, rejected K (report: <path>)` last.
 * Exit 0 when every row was imported or unchanged; 1 when rows were rejected, the file was
 * refused before any row, or the import stopped; 2 for a wrong command line.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === 'template') {
    const [, departmentName, typeName, file] = args;
    if (!file) usage();
    const { recordType } = recordTypeOf(departmentName, typeName);
    await writeTemplate(file, recordType.columns);
    console.log(`template for ${departmentName} ${typeName}: ${file} (${recordType.columns.map((c) => c.header).join(', ')})`);
    return;
  }
  const [departmentName, typeName, file] = args;
  if (!file) usage();
  const { department, recordType } = recordTypeOf(departmentName, typeName);
  const size = statSync(file).size;
  const url = importUrl(department, recordType.name);
  const reportPath = process.env.IMPORT_REPORT ?? `${file.replace(/\.(csv|xlsx)$/i, '')}.rejected.csv`;
  const report = createReportWriter(reportPath);
  const progress = createUploadProgress(size);
  let sent = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      progress.sent(sent);
      callback(null, chunk);
    },
  });
  progress.start(path.basename(file));
  let answer;
  try {
    answer = await sendImport(url, createReadStream(file).pipe(counting), {
      token: await token(department),
      onRejected: (rejection) => report.add(rejection),
      onProgress: (counts) => progress.rows(counts),
    });
  } catch (error) {
    progress.stop();
    await report.close();
    throw new Error(`could not reach ${url}: ${(error as Error).message} (is the stack running? npm start)`);
  }
  progress.stop();
  await report.close();
  if (answer.status !== 200) {
    console.error(`refused (${answer.status}): ${answer.error}`);
    process.exit(1);
  }
  if (answer.error) console.error(`the import stopped: ${answer.error}; the rows before it are imported, the report lists the rejected ones so far`);
  if (answer.counts) console.log(summary(answer.counts, reportPath));
  process.exitCode = answer.error || !answer.counts || answer.counts.rejected > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
