#include "kblibrary.h"
