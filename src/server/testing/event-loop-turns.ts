/**
 * How many turns the event loop gave other work while `work` ran: a chain of setImmediate callbacks counts
 * each one. Work that never yields leaves it at 0 or 1.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: T }> {
  let turns = 0;
  let ticking = true;
  const tick = () => {
    if (!ticking) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const result = await work();
    return { turns, result };
  } finally {
    ticking = false;
  }
}
