#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;

// Every keyboard shortcut of the desk, in one list, for Help → Keyboard
// shortcuts: the window's actions as they are made, and the keys that work
// inside one control (Enter in the search field) and so have no action.
// Registering is the one way a shortcut is made known, so the list cannot
// drift from what the keys do.
class ShortcutRegistry
{
public:
    struct Entry
    {
        QString group; // where it works ("Desk", "Search field", ...)
        QString text; // what it does
        QKeySequence keys;
    };

    void add(const QString& group, const QString& text, const QKeySequence& keys);
    // An action's text (without its & accelerator marker) and shortcut; actions
    // without a shortcut are left out.
    void addAction(const QString& group, const QAction* action);
    const QList<Entry>& entries() const { return m_entries; }
    bool contains(const QKeySequence& keys) const;

private:
    QList<Entry> m_entries;
};
