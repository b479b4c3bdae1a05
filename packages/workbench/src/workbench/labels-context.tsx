import { createContext, useContext } from 'react';

/** Whether the API's English field names are shown beside the Chinese labels (always available as a tooltip). */
export const LabelsContext = createContext({ showFieldNames: false });

export function useLabels() {
  return useContext(LabelsContext);
}
