import { goalInsertionIndex as insertionIndex, goalPlacement as placement } from '../../src/domain/goal-placement';

interface Item {
  readonly goalCritical: boolean;
  readonly open: boolean;
}
const goal = (open: boolean): Item => ({ goalCritical: true, open });
const stretch = (open: boolean): Item => ({ goalCritical: false, open });
const isOpen = (item: Item): boolean => item.open;
const goalPlacement = (items: readonly Item[]) => placement(items, isOpen);
const goalInsertionIndex = (items: readonly Item[]) => insertionIndex(items, isOpen);

describe('goalPlacement', () => {
  it('puts goal work right after the last open goal item, ahead of the stretch work below it', () => {
    const sprint = [goal(false), stretch(true), goal(true), stretch(true), stretch(true)];
    expect(goalPlacement(sprint)).toEqual({ position: 'after', index: 2 });
    expect(goalInsertionIndex(sprint)).toBe(3);
  });

  it('looks past done goal items: the last open one is the anchor', () => {
    expect(goalPlacement([goal(true), stretch(true), goal(false), stretch(true)])).toEqual({ position: 'after', index: 0 });
  });

  it('puts goal work before all open work when the goal’s other items are done', () => {
    const sprint = [goal(false), stretch(false), stretch(true), goal(false), stretch(true)];
    expect(goalPlacement(sprint)).toEqual({ position: 'before', index: 2 });
    expect(goalInsertionIndex(sprint)).toBe(2);
  });

  it('has no anchor in a sprint with nothing open: the work goes at the end', () => {
    expect(goalPlacement([goal(false), stretch(false)])).toBeNull();
    expect(goalInsertionIndex([goal(false), stretch(false)])).toBe(2);
    expect(goalInsertionIndex([])).toBe(0);
  });
});
