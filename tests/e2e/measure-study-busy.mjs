// Browser measurement (not a test), Linux only: a 100,000-run study with two workers when
// one worker's core is also running something else, as on a phone whose cores differ or
// are shared with other apps. The study runs N times on free cores; then a busy loop is
// pinned to core 1, one study worker thread to core 0 and the other to core 1 (taskset),
// and it runs N times more. Medians of the page's Start-to-summary time.
//   node tests/e2e/serve.mjs dist 8093 &
//   node tests/e2e/measure-study-busy.mjs http://127.0.0.1:8093/ [N]
import { execSync, spawn } from 'node:child_process';
import { launch, median, runStudy, studyPage } from './measuring.mjs';

const [url = 'http://127.0.0.1:8093/', n = '5'] = process.argv.slice(2);
const browser = await launch();
const page = await studyPage(browser, url, { cores: 2 });
for (let i = 0; i < 3; i++) await runStudy(page);
// the study workers' threads, by the name Chromium gives them
const workers = execSync(
  `for p in $(pgrep -f 'type=renderer'); do for t in /proc/$p/task/*; do echo "$(basename $t) $(cat $t/comm)"; done; done`,
)
  .toString()
  .split('\n')
  .filter((l) => / DedicatedWorker/.test(l))
  .map((l) => l.split(' ')[0]);
if (workers.length !== 2) throw new Error(`expected two study worker threads, found ${workers.length}`);
const studies = async () => {
  const out = [];
  for (let i = 0; i < Number(n); i++) out.push((await runStudy(page)).elapsed);
  return out;
};
const free = await studies();
const busy = spawn('taskset', ['-c', '1', 'sh', '-c', 'while :; do :; done'], { stdio: 'ignore' });
let shared;
try {
  execSync(`taskset -p -c 0 ${workers[0]} > /dev/null && taskset -p -c 1 ${workers[1]} > /dev/null`);
  shared = await studies();
} finally {
  busy.kill('SIGKILL');
}
console.log(`free cores: median ${median(free)} ms [${free.join(' ')}]`);
console.log(`one worker's core busy: median ${median(shared)} ms [${shared.join(' ')}]`);
await browser.close();
