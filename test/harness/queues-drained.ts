// "Nothing arrived" is asserted once the work that could bring it is done: the article and delivery
// queues hold no job (waiting, running, delayed for a retry). After a fixed sleep, the same assertion
// passes wrongly on a machine too busy to have finished the work.
import type { Services } from '../../src/runtime/create-services.js';

type QueueName = 'article' | 'deliver' | 'digest' | 'websub';

export async function queuesDrained(services: Services, names: readonly QueueName[] = ['article', 'deliver']): Promise<boolean> {
  for (const name of names) {
    const counts = await services.queues[name].getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).some((n) => n > 0)) return false;
  }
  return true;
}
