import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useState } from 'react';
import { MyGrantsTab } from './MyGrantsTab';
import { MyRequestsTab } from './MyRequestsTab';
import { ToReviewTab } from './ToReviewTab';

const tabs = [
  { id: 'to-review', label: 'To review', Content: ToReviewTab },
  { id: 'my-requests', label: 'My requests', Content: MyRequestsTab },
  { id: 'my-grants', label: 'My grants', Content: MyGrantsTab },
];

/** The three views of the inbox; only the open one loads. */
export function AccessInboxContent() {
  const [current, setCurrent] = useState(0);
  const { Content, id } = tabs[current];
  return (
    <>
      <Tabs
        value={current}
        onChange={(_, index: number) => setCurrent(index)}
        indicatorColor="primary"
        aria-label="Access inbox"
      >
        {tabs.map(tab => (
          <Tab
            key={tab.id}
            label={tab.label}
            id={`access-inbox-tab-${tab.id}`}
            aria-controls={`access-inbox-panel-${tab.id}`}
          />
        ))}
      </Tabs>
      <Box
        role="tabpanel"
        id={`access-inbox-panel-${id}`}
        aria-labelledby={`access-inbox-tab-${id}`}
        pt={2}
      >
        <Content />
      </Box>
    </>
  );
}
