// The plan-clause picker of the finding and improvement forms: clauses under their plans, a reason when it has
// none to offer, and its list under the field.
import { TreeSelect, type SelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { clauseTreeData, type PlanClauses } from '../../components/plan-clauses';

/**
 * Dropdowns of a long form open below their field and stay there: by default antd flips a list that does not
 * fit under its field above it, over the fields just filled in. The list lives inside the dialog (not on the
 * page's body), so it scrolls with the dialog.
 */
export const BELOW_FIELD: Pick<SelectProps, 'placement' | 'builtinPlacements' | 'getPopupContainer'> = {
  placement: 'bottomLeft',
  builtinPlacements: { bottomLeft: { points: ['tl', 'bl'], offset: [0, 4], overflow: { adjustX: true, adjustY: false }, dynamicInset: true } },
  getPopupContainer: (trigger: HTMLElement) => trigger.parentElement ?? document.body,
};

const LIST_HEIGHT = 320;
/** The list's height with its padding and offset from the field. */
const LIST_ROOM = LIST_HEIGHT + 28;

interface Props {
  /** The plans to pick from, loaded; undefined while they load. */
  plans: PlanClauses[] | undefined;
  /** Why there is no plan to pick from, and what to do about it. */
  noPlans: string;
  /** Clause keys (see clauseKey); given by Form.Item. */
  value?: string[];
  onChange?: (keys: string[]) => void;
  disabled?: boolean;
  testId: string;
}

export function ClauseSelect({ plans, noPlans, value, onChange, disabled, testId }: Props) {
  // While the list is open the form makes room for it under the field (the list lies over that room, not
  // over the next fields), and the dialog scrolls that room into view: the last field of a form has its list.
  const [room, setRoom] = useState(false);
  const roomRef = useRef<HTMLDivElement>(null);
  const dropRoom = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (room) roomRef.current?.scrollIntoView({ block: 'nearest' });
  }, [room]);
  useEffect(() => () => dropRoom.current?.(), []);
  const onOpenChange = (open: boolean) => {
    dropRoom.current?.();
    if (open) return setRoom(true);
    // A press outside closes the list on mousedown: the room goes after that press's click (or the key that
    // closed it), so the button pressed does not move away from under the pointer.
    const drop = () => {
      window.removeEventListener('click', drop);
      window.removeEventListener('keyup', drop);
      dropRoom.current = null;
      setRoom(false);
    };
    window.addEventListener('click', drop);
    window.addEventListener('keyup', drop);
    dropRoom.current = drop;
  };
  return (
    <>
      <TreeSelect
        {...BELOW_FIELD}
        onOpenChange={onOpenChange}
        multiple
        treeCheckable
        showCheckedStrategy={TreeSelect.SHOW_CHILD}
        treeData={clauseTreeData(plans ?? [])}
        treeDefaultExpandAll
        showSearch
        treeNodeFilterProp="title"
        listHeight={LIST_HEIGHT}
        loading={!plans}
        placeholder={plans && plans.length > 0 ? '选择条款，可输入标题或编号查找' : undefined}
        notFoundContent={!plans ? '正在载入预案条款…' : plans.length === 0 ? noPlans : '没有匹配的条款'}
        value={value}
        onChange={onChange}
        disabled={disabled}
        data-testid={testId}
      />
      {room && <div ref={roomRef} style={{ height: LIST_ROOM }} aria-hidden />}
    </>
  );
}
