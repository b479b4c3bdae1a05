import { generateWorld, generateWorldInSteps, recordsAsGenerated, worldInProgress, type WorldInProgress } from './generate';

const SECRET = 'test-secret';

/**
 * The generation in steps, which a seeding loads from while it runs, must give the very world
 * generateWorld gives, and hand out each trainee once, complete, in order.
 */
describe('generateWorldInSteps', () => {
  it('gives the same world as generateWorld, its trainees in batches as they come, each complete', async () => {
    const options = { trainees: 3500, seed: 5, personKeySecret: SECRET };
    const progress = generateWorldInSteps(options);
    expect(worldInProgress(progress.world)).toBe(progress);
    let traineesSettled = false;
    void progress.trainees.then(() => { traineesSettled = true; });

    const batches: number[] = [];
    const seen: number[] = [];
    for await (const batch of recordsAsGenerated(progress, progress.world.hr.trainees, progress.trainees)) {
      batches.push(batch.length);
      for (const trainee of batch) {
        seen.push(trainee.id);
        // Its enrolments are all there: none of a later trainee's comes before them.
        const last = progress.world.hr.enrolments[progress.world.hr.enrolments.length - 1];
        expect(last.traineeId).toBeGreaterThanOrEqual(trainee.id);
      }
    }
    expect(traineesSettled).toBe(true);
    // More than one batch: the loader had rows before the last trainee was generated.
    expect(batches.length).toBeGreaterThan(1);
    expect(seen).toEqual(Array.from({ length: 3500 }, (_, i) => i + 1));

    await progress.done;
    expect(JSON.stringify(progress.world)).toBe(JSON.stringify(generateWorld(options)));
    // A world from generateWorld is whole: nothing to wait for.
    expect(worldInProgress(generateWorld({ trainees: 10, personKeySecret: SECRET }))).toBeUndefined();
  });

  it('says when an array is final before the world is whole, with every record as generateWorld gives it', async () => {
    const options = { trainees: 3500, seed: 7, personKeySecret: SECRET };
    const whole = generateWorld(options);
    const progress = generateWorldInSteps(options);
    const { hr, poverty } = progress.world;
    let done = false;
    void progress.done.then(() => { done = true; });
    const snapshot = (records: readonly unknown[]) => JSON.stringify(records);
    // Taken as each settles: a step after it that still added or changed a record would show here.
    const named = [[poverty.households, whole.poverty.households], [poverty.members, whole.poverty.members],
      [hr.surveyResponses, whole.hr.surveyResponses], [hr.subsidies, whole.hr.subsidies], [hr.evaluations, whole.hr.evaluations],
      [hr.designations, whole.hr.designations], [hr.debarments, whole.hr.debarments],
      [hr.loans, whole.hr.loans], [hr.followUps, whole.hr.followUps]] as const;
    const atSettling = await Promise.all(named.map(async ([records]) => {
      await progress.final(records);
      return { done, records: snapshot(records) };
    }));
    atSettling.forEach((settled, i) => {
      expect(settled.done).toBe(false);
      expect(settled.records).toBe(snapshot(named[i][1]));
    });
    // An array no step names (the ventures: support-priority plants more) is final with the world.
    await progress.final(hr.ventures);
    expect(JSON.stringify(progress.world)).toBe(JSON.stringify(whole));
  });

  it('refuses a size out of range at once, before any step', () => {
    expect(() => generateWorldInSteps({ trainees: -1 })).toThrow(RangeError);
  });

  it('fails the iteration of the records, after those already there, when the generation fails', async () => {
    const records = [1, 2, 3];
    let fail: (error: Error) => void = () => undefined;
    const complete = new Promise<void>((_, reject) => { fail = reject; });
    const progress = { nextPause: () => new Promise<void>((resolve) => setImmediate(resolve)) } as WorldInProgress;
    const taken: number[] = [];
    const iteration = (async () => {
      for await (const batch of recordsAsGenerated(progress, records, complete)) taken.push(...batch);
    })();
    await new Promise((resolve) => setImmediate(resolve));
    records.push(4);
    fail(new Error('generation failed'));
    await expect(iteration).rejects.toThrow('generation failed');
    expect(taken).toEqual([1, 2, 3, 4]);
  });
});
