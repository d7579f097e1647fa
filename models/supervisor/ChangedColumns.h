#pragma once

#include <span>

// The span of columns a board row must repaint: from the first changed
// column to the last. A row whose only changes have no column (they still
// feed roles such as highlighting) repaints whole. Shared by the agent and
// queue boards, which repaint only what changed.
class ChangedColumns
{
public:
    // changed[c] says whether column c shows something else now; rowDiffers
    // whether anything at all differs. False when nothing needs repainting.
    static bool span(std::span<const bool> changed, bool rowDiffers, int* first, int* last)
    {
        *first = -1;
        for (int column = 0; column < int(changed.size()); ++column) {
            if (!changed[std::size_t(column)])
                continue;
            if (*first < 0)
                *first = column;
            *last = column;
        }
        if (*first < 0 && rowDiffers) {
            *first = 0;
            *last = int(changed.size()) - 1;
        }
        return *first >= 0;
    }
};
