#include "ShortcutRegistry.h"

#include <QAction>
#include <QRegularExpression>
#include <algorithm>

void ShortcutRegistry::add(const QString& group, const QString& text, const QKeySequence& keys)
{
    m_entries.append({ group, text, keys });
}

void ShortcutRegistry::addAction(const QString& group, const QAction* action)
{
    if (action->shortcut().isEmpty())
        return;
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.remove(QStringLiteral("…"));
    add(group, text, action->shortcut());
}

bool ShortcutRegistry::contains(const QKeySequence& keys) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&keys](const Entry& e) { return e.keys == keys; });
}
