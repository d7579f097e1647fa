#include "SupervisorDesk.h"

#include "SyncController.h"
#include "supervisor/SupervisorAccess.h"
#include "supervisor/SupervisorBoard.h"
#include "supervisor/SupervisorSettings.h"
#include "supervisor/SupervisorView.h"
#include "supervisor/SyncEngineSupervisorSource.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

SupervisorDesk::SupervisorDesk(SyncController& sync, QMainWindow& window, Store* store, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_store(store)
    , m_source(std::make_unique<SyncEngineSupervisorSource>(
          [&sync](SyncEngineSupervisorSource::EngineCall call) { sync.withEngine(std::move(call)); }))
    , m_access(std::make_unique<SupervisorAccess>(*m_source))
{
    connect(m_access.get(), &SupervisorAccess::decided, this, [this](bool allowed) {
        if (allowed)
            offer();
        else if (m_action)
            m_action->setVisible(false);
        Q_EMIT accessDecided(allowed);
    });
}

// The view goes before the board it shows, the board before its source.
SupervisorDesk::~SupervisorDesk()
{
    m_view.reset();
    m_board.reset();
}

bool SupervisorDesk::isAllowed() const
{
    return m_access->answer() == SupervisorAccess::Answer::Allowed;
}

void SupervisorDesk::offer()
{
    if (m_action) {
        m_action->setVisible(true);
        return;
    }
    QMenu* viewMenu = m_window.findChild<QMenu*>(QStringLiteral("viewMenu"));
    if (!viewMenu) {
        viewMenu = m_window.menuBar()->addMenu(tr("&View"));
        viewMenu->setObjectName(QStringLiteral("viewMenu"));
    }
    m_action = viewMenu->addAction(tr("&Supervisor board"));
    m_action->setObjectName(QStringLiteral("openSupervisorBoard"));
    m_action->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+B")));
    connect(m_action, &QAction::triggered, this, &SupervisorDesk::open);
}

void SupervisorDesk::open()
{
    if (!isAllowed())
        return;
    if (!m_view) {
        m_settings = std::make_unique<SupervisorSettings>();
        m_board = std::make_unique<SupervisorBoard>(*m_source, *m_settings, m_store);
        m_view = std::make_unique<SupervisorView>(*m_board);
        // A second window: closing the main window still ends Unisono.
        m_view->setAttribute(Qt::WA_QuitOnClose, false);
        m_board->start();
    }
    m_view->show();
    m_view->raise();
    m_view->activateWindow();
}
