/** English: saved filter views, kept per user on every list and report. */
export const enViews = {
  views: {
    label: 'Saved views',
    placeholder: 'Choose a saved view',
    save: 'Save view',
    saveTitle: 'Save the current filters',
    name: 'View name',
    nameRequired: 'Give the view a name',
    nameHint: 'Saving under the name of a view you have replaces it. Your views follow you to any computer you sign in on.',
    delete: 'Delete view',
    saved: 'View “{{name}}” saved',
    deleted: 'View “{{name}}” deleted'
  }
}
