import { Session } from 'node:inspector';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Loaded with `--require` into each process `bench:load:profile` starts (Node 20 does not take
 * --cpu-prof in NODE_OPTIONS). The first SIGUSR2 starts sampling the CPU, the second stops it
 * and writes `<CPU_PROFILE_DIR>/<pid>.cpuprofile`: only the measured period is sampled, and
 * the profile is written while the process still runs, not in a shutdown that may be cut short.
 */
const directory = process.env.CPU_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  let sampling = false;
  process.on('SIGUSR2', () => {
    if (!sampling) {
      session.post('Profiler.start');
      sampling = true;
      return;
    }
    sampling = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const file = path.join(directory, `${process.pid}.cpuprofile`);
      writeFileSync(`${file}.part`, JSON.stringify(result.profile));
      renameSync(`${file}.part`, file); // whoever waits for the file finds it whole
    });
  });
}
