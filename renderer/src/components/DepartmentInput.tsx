// A unit's name: one of the departments in 设置, or any other typed in (区人民政府办公室 is rarely a department there).
import { AutoComplete } from 'antd';
import type { CSSProperties } from 'react';
import { request } from '../api/client';
import { useLoad } from './use-load';

export function DepartmentInput({ value, onChange, placeholder, maxLength = 60, style, ...rest }: { value?: string; onChange?: (v: string) => void; placeholder?: string; maxLength?: number; style?: CSSProperties; 'data-testid'?: string }) {
  const profile = useLoad(() => request('profile.get', {}));
  const options = (profile.data?.departments ?? []).map((d) => ({ value: d.name }));
  return (
    <AutoComplete
      allowClear
      value={value}
      onChange={onChange}
      options={options}
      filterOption={(input, o) => (o?.value ?? '').includes(input)}
      placeholder={placeholder}
      maxLength={maxLength}
      style={style}
      data-testid={rest['data-testid']}
    />
  );
}
