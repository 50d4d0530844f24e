// Placeholder entry of the task pane (replaced by the React app).
export {};
