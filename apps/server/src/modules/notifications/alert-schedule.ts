import { businessDate } from '@kehu/domain/business-date';

/**
 * Runs `job(today)` now and again whenever the business date changes (checked hourly): the daily
 * alert run. The job is idempotent, so a restart on the same day adds nothing. Returns a stop function.
 */
export function startDailyJob(job: (today: string) => Promise<unknown>, onError: (e: unknown) => void, checkEveryMs = 3_600_000): () => void {
  let last = '';
  let running = false;
  const tick = async () => {
    const today = businessDate();
    if (today === last || running) return;
    running = true;
    try {
      await job(today);
      last = today;
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
