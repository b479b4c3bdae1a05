import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { ImportRefused, openImport, type ImportRecordType } from '@rg/record-import';
import { viewerFromHeader, InvalidTokenError } from '@rg/access';
import { AuditRecorder } from '@rg/audit';
import type { Department, Viewer } from '@rg/access';
import type { Logger } from '@rg/observability';

async function authorise(req: Request, res: Response, department: Department): Promise<Viewer | null> {
  let viewer: Viewer;
  try {
    viewer = await viewerFromHeader(req.headers.authorization);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    res.status(401).json({ error: `invalid token: ${error.message}` });
    return null;
  }
  if (viewer.role === 'public') {
    res.status(401).json({ error: 'a bearer token is required' });
    return null;
  }
  if (viewer.role !== department && viewer.role !== 'admin') {
    res.status(403).json({ error: `importing ${department}'s records is for ${department} staff and admins, not role ${viewer.role}` });
    return null;
  }
  return viewer;
}

/**
 * POST /import/<record type>: the body is the CSV or XLSX file itself, read as it arrives. A file
 * whose headers do not fit is refused (400) before any row; otherwise the answer streams as
 * newline-delimited JSON — {"progress": counts} after each batch, {"rejected": {row, column,
 * value, reason}} for each refused row, and {"done": counts} last (or {"error": …} if the import
 * stopped; the batches before it stay imported).
 */
export function importHandler(department: Department, recordTypes: ImportRecordType[], dataSource: DataSource, logger: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const drainAndClose = () => {
      res.setHeader('connection', 'close');
      req.resume(); // the client may still be uploading; let it finish so it reads the answer
    };
    const viewer = await authorise(req, res, department);
    if (!viewer) return drainAndClose();
    const recordType = recordTypes.find((t) => t.name === req.params.recordType);
    if (!recordType) {
      res.status(404).json({ error: `${department} imports ${recordTypes.map((t) => t.name).join(', ') || 'no records'}; not ${req.params.recordType}` });
      return drainAndClose();
    }
    let opened;
    try {
      opened = await openImport(req, recordType);
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      res.status(400).json({ error: error.message });
      return drainAndClose();
    }
    const operation = `import ${recordType.name}`;
    const audit = new AuditRecorder(department, viewer, operation);
    res.status(200).type('application/x-ndjson');
    const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
    try {
      const counts = await opened.run({
        dataSource,
        audit: (tx, type, ids) => audit.write(tx, type, ids),
        onRejected: (rejection) => line({ rejected: rejection }),
        onProgress: (progress) => line({ progress }),
      });
      logger.info({ operation, subject: viewer.subject, ...counts }, 'import finished');
      line({ done: counts });
    } catch (error) {
      logger.error({ err: error, operation }, 'import stopped');
      line({ error: error instanceof Error ? error.message : String(error) });
    }
    res.end();
  };
}
