// The phrases Decap CMS 3.16's Swedish translation lacks (it falls back to English:
// "Add möte", "Expand"), added to it before the editor starts. Copied to
// site/admin/ by macros/admin_hook.py; tests/test_cms.py checks that every phrase
// of the English translation then has a Swedish one.
(function () {
  var saknas = {
    auth: { loginWithForgejo: 'Logga in med Forgejo' },
    collection: {
      collectionTop: { viewAsList: 'Visa som lista', viewAsGrid: 'Visa som rutnät' },
      entries: { unpublishedHeader: 'Opublicerade poster' },
    },
    editor: {
      editorControl: { field: { widgetLabel: 'Fältet %{widgetLabel}' } },
      editorControlPane: {
        i18n: {
          copyFromLocale: 'Fyll i från ett annat språk',
          copyFromLocaleConfirm: 'Vill du fylla i från språket %{locale}?\nAllt som står nu skrivs över.',
        },
      },
      editorInterface: { toggleNotes: 'Visa eller dölj anteckningar' },
      editorNotesPane: {
        title: 'Anteckningar',
        emptyState: 'Inga anteckningar än. Skriv den första nedan.',
        addNote: 'Lägg till anteckning',
        addPlaceholder: 'Skriv en anteckning …',
        editPlaceholder: 'Ändra anteckningen …',
        save: 'Spara',
        cancel: 'Avbryt',
        edit: 'Ändra',
        delete: 'Ta bort',
        resolve: 'Markera som klar',
        unresolve: 'Markera som inte klar',
        confirmDelete: 'Vill du ta bort anteckningen?',
        shortcut: 'Tips: Ctrl+Enter lägger till anteckningen',
      },
      editorToolbar: {
        statusInfoTooltipDraft: 'Posten är ett utkast. Välj ”Väntar på granskning” när den är klar att granskas.',
        statusInfoTooltipInReview: 'Posten granskas; du behöver inte göra något mer. Du kan fortfarande ändra den under tiden.',
      },
      editorWidgets: {
        markdown: {
          strikethrough: 'Genomstruken',
          toggleMode: { rich: 'Byt till formaterad text', markdown: 'Byt till Markdown' },
        },
        image: { chooseMultiple: 'Välj bilder', addMore: 'Lägg till fler bilder', removeAll: 'Ta bort alla bilder' },
        file: { chooseMultiple: 'Välj filer', addMore: 'Lägg till fler filer', removeAll: 'Ta bort alla filer' },
        datetime: { setToNow: 'Sätt %{fieldLabel} till nu' },
        list: { add: 'Lägg till %{item}', addType: 'Lägg till %{item}' },
        object: { expand: 'Visa', collapse: 'Dölj' },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: 'Stäng' } },
    ui: {
      settingsDropdown: { account: 'Kontoinställningar' },
      toast: {
        noteAdded: 'Anteckningen är tillagd',
        onFailToAddNote: 'Anteckningen kunde inte läggas till: %{details}',
        noteUpdated: 'Anteckningen är ändrad',
        onFailToUpdateNote: 'Anteckningen kunde inte ändras: %{details}',
        noteDeleted: 'Anteckningen är borttagen',
        onFailToDeleteNote: 'Anteckningen kunde inte tas bort: %{details}',
        noteResolved: 'Anteckningen är markerad som klar',
        noteReopened: 'Anteckningen är öppnad igen',
        onFailToToggleNote: 'Anteckningen kunde inte ändras: %{details}',
      },
    },
  };
  // Replaced: the translation's "＋ %{collectionLabel}" (a full-width plus that
  // common fonts lack: it showed as an empty box) becomes words. The dates on the
  // editorial workflow's board: Decap formats them with its own bundled dayjs,
  // which has only the English locale and is not reachable from outside the
  // bundle (Decap 3 exposes neither dayjs nor moment), so the format 'MMMM D'
  // gave "December 2"; the translation's format string is the one thing we can
  // set, and the Swedish numeric form needs no month names: "2026-12-02".
  var ersatta = {
    collection: { collectionTop: { newButton: 'Lägg till %{collectionLabel}' } },
    workflow: { workflow: { dateFormat: 'YYYY-MM-DD' } },
  };
  function skrivOver(mal, fran) {
    Object.keys(fran).forEach(function (k) {
      if (typeof fran[k] === 'object') skrivOver(mal[k] || (mal[k] = {}), fran[k]);
      else mal[k] = fran[k];
    });
    return mal;
  }
  function fyll(mal, fran) {
    Object.keys(fran).forEach(function (k) {
      if (typeof fran[k] === 'object') fyll(mal[k] || (mal[k] = {}), fran[k]);
      else if (!(k in mal)) mal[k] = fran[k];
    });
    return mal;
  }
  window.CMS.registerLocale('sv', skrivOver(fyll(window.CMS.getLocale('sv') || {}, saknas), ersatta));
  // An emptied field (a date's "Rensa", a text deleted) is saved as null, the way the
  // data writes a value that is not known, not as "": Decap keeps "" for an optional
  // field that had a value (decap-cms issue 7120), which the validator refuses for a
  // date, a time or a number. The news post's Markdown text (body) is left as it is.
  function tomBlirNull(v) {
    if (v === '') return null;
    if (v && typeof v.map === 'function' && typeof v.toJS === 'function') return v.map(tomBlirNull);
    return v;
  }
  window.CMS.registerEventListener({
    name: 'preSave',
    handler: function (e) {
      var data = e.entry.get('data');
      var body = data.get('body');
      var out = tomBlirNull(data);
      return body === undefined ? out : out.set('body', body);
    },
  });
  window.CMS.init();
})();
