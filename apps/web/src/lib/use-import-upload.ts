import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { importReport } from '@kehu/contracts';
import type { ImportReport, LocalizedText } from '@kehu/contracts';
import { ApiError } from './api-error.ts';

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; message: LocalizedText; report: ImportReport | null };

/**
 * The state of a one-file, all-rows-or-none import dialog: the chosen file, the outcome (the
 * report, or the refusal with its per-row report when the server sent one), and the actions.
 */
export function useImportUpload(run: UseMutationResult<ImportReport, Error, File>, opts: { onClose: () => void; onNoFile: () => void; unexpected: LocalizedText }) {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const choose = (f: File | null) => { setFile(f); setOutcome(null); };
  const close = () => { choose(null); opts.onClose(); };
  const start = () => {
    if (!file) return void opts.onNoFile();
    setOutcome(null);
    run.mutate(file, {
      onSuccess: (report) => setOutcome({ ok: true, report }),
      onError: (err) => {
        if (err instanceof ApiError) {
          const parsed = importReport.safeParse(err.details?.report);
          setOutcome({ ok: false, message: err.text, report: parsed.success ? parsed.data : null });
        } else {
          setOutcome({ ok: false, message: opts.unexpected, report: null });
        }
      },
    });
  };
  const fileList: UploadFile[] = file ? [{ uid: 'one', name: file.name, status: 'done' }] : [];
  return { outcome, fileList, choose, close, start };
}
