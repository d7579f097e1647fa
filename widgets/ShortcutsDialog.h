#pragma once

#include "ShortcutRegistry.h"

#include <QDialog>

// Help → Keyboard shortcuts: every shortcut of the desk in a table grouped
// by where it works, in the keys as the agent's platform and language name
// them (Ctrl+Maiusc+A in Italian).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<ShortcutRegistry::Entry>& entries, QWidget* parent = nullptr);
};
